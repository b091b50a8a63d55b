package org.recoup.app.security;

/** An agent's experience tier: decides which cases and scripts they are given and what they may approve. */
public enum Tier {
    JUNIOR, INTERMEDIATE, SENIOR
}
