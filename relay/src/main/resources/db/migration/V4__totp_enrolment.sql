-- Issue 6: TOTP enrolment from the Console's Accounts tab. The new secret waits here, shown once to
-- the person, until they confirm it with a code from their authenticator app; only then does it
-- become accounts.totp_secret (sign-in starts asking for codes). Unconfirmed secrets lapse.
alter table accounts add column totp_pending_secret varchar(64);
alter table accounts add column totp_pending_until_ms bigint;
