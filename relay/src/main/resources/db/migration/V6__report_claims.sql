-- A session joined by code without signing in has no technician; its technician's connection got
-- a random report claim at pairing, and the relay keeps only the claim's SHA-256 here. Filing the
-- report with the claim later (signed in) records the filer as the technician and clears it.
-- Hex, so the same SQL runs on H2 and PostgreSQL.
alter table support_sessions add column claim_hash varchar(64);
