-- Version 1: the canonical event store, identities, profiles and sources (see DESIGN.md).
CREATE TABLE events (
  seq          BIGINT    NOT NULL,
  event_id     VARCHAR   PRIMARY KEY,
  customer_id  VARCHAR   NOT NULL,
  anonymous_id VARCHAR,
  user_id      VARCHAR,
  ts           TIMESTAMP NOT NULL,
  received_at  TIMESTAMP NOT NULL,
  type         VARCHAR   NOT NULL,
  name         VARCHAR,
  channel      VARCHAR,
  source_id    VARCHAR,
  properties   JSON,
  context      JSON,
  traits       JSON,
  text         VARCHAR,
  lang         VARCHAR,
  sentiment    DOUBLE,
  emotion      VARCHAR,
  topics       VARCHAR[],
  rating       DOUBLE,
  revenue      DOUBLE,
  currency     VARCHAR
);
CREATE TABLE identities (
  identity    VARCHAR PRIMARY KEY,
  customer_id VARCHAR NOT NULL,
  first_seen  TIMESTAMP
);
CREATE TABLE profiles (
  customer_id VARCHAR PRIMARY KEY,
  traits      JSON
);
CREATE TABLE sources (
  source_id        VARCHAR PRIMARY KEY,
  name             VARCHAR NOT NULL UNIQUE,
  channel          VARCHAR NOT NULL,
  write_key_sha256 VARCHAR NOT NULL UNIQUE,
  created_at       TIMESTAMP NOT NULL
);
