package org.itinera.funnel;

/** An event name and how many dropped customers did it next. */
public record NextEvent(String event, long customers) {}
