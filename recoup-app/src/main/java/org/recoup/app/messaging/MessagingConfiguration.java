package org.recoup.app.messaging;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox dispatcher runs on Spring's scheduler ({@code recoup.messaging.dispatch.*}). */
@Configuration
@EnableScheduling
class MessagingConfiguration {
}
