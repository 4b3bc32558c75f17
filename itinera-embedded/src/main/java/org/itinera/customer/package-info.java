/** Looking customers up by any of their ids and summarising what the store knows of them. */
package org.itinera.customer;
