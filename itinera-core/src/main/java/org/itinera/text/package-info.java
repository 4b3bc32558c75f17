/**
 * Text analytics for customers' own words, in Korean and English: language identification, Nori
 * (Korean) and Lucene English analysis, a sentiment score and label from a hashed linear model
 * trained by the project ({@code sentiment-model.bin.gz}, reproducible with
 * {@link org.itinera.text.train.TrainShippedModel}), an emotion category from the sentiment and a
 * cue lexicon, and key phrases for topics. Entry point: {@link org.itinera.text.TextAnalyzer};
 * topics and pain points over many texts live in {@link org.itinera.text.topic}.
 */
package org.itinera.text;
