/**
 * Guided call scripts as content (PRACTICE §1, §3, §5): the first-call flow, a response per situation type, the
 * conversation techniques as prompts and the scripts the strategies name, in zh-CN and English, filled with a case's
 * real data (name, amounts, dates, creditor, payment channels, promise history). Pure and deterministic.
 */
package org.recoup.engine.script;
