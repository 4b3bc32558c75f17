package org.itinera.customer;

import java.util.List;

/**
 * A page of search results, most recently active customers first.
 *
 * @param total how many customers match in all
 */
public record CustomerPage(String query, long total, int offset, int limit,
    List<CustomerMatch> customers) {
  public CustomerPage {
    customers = List.copyOf(customers);
  }
}
