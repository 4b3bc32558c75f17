package org.itinera.path;

/**
 * What the shown paths account for, and what was cut.
 *
 * @param customers customers with at least one path
 * @param customersCovered customers with at least one shown path
 * @param paths path occurrences in total
 * @param pathsShown occurrences of the shown paths
 * @param events events of the customers in scope (after the filter)
 * @param eventsCovered distinct events inside at least one shown path occurrence
 */
public record Coverage(long customers, long customersCovered, long customersCut, long paths,
    long pathsShown, long pathsCut, long events, long eventsCovered, long eventsCut) {}
