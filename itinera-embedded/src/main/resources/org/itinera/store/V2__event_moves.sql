-- Version 2: a counter of rewrites of stored events' customer ids (identity merges), bumped in the
-- transaction that moves them, so the sequence index learns of a move from one row instead of
-- comparing every new event's customer's history with the whole table.
CREATE TABLE event_moves (generation BIGINT NOT NULL);
INSERT INTO event_moves VALUES (0);
