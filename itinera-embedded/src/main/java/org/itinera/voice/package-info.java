/**
 * The voice of the customer: what customers say in reviews, tickets, chats and surveys, as themes
 * (topics), sentiment, emotion and their own quotes, filtered by period, journey stage, channel,
 * topic, emotion, sentiment, language and words. Reads the text analytics results stored with each
 * event; the stage comes from the caller as a SQL expression ({@code StageColumn}).
 */
package org.itinera.voice;
