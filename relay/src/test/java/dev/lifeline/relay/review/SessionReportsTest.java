package dev.lifeline.relay.review;

import static dev.lifeline.relay.review.ReviewFixtures.account;
import static dev.lifeline.relay.review.ReviewFixtures.report;
import static dev.lifeline.relay.review.ReviewFixtures.sessionHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.OrganisationFigures;
import dev.lifeline.common.wire.review.OutcomeCount;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import dev.lifeline.common.wire.review.SessionRow;
import dev.lifeline.common.wire.review.SessionSort;
import dev.lifeline.common.wire.review.Tristate;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.database.TestDatabases;
import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reports filed against session rows, the sessions list over thousands of rows, and the dashboard, on H2 and PostgreSQL. */
class SessionReportsTest {
    static final long DAY = 86_400_000L;
    static final long T0 = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReportIsFiledOnceAgainstItsSessionAndReadBackWhole(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            SessionReports reports = new SessionReports(db.database());
            long alice = account(db.database(), "Alice Meyer", "TECHNICIAN");
            long row = reports.startCodeFlowSession(sessionHex(1), alice, "Carol", T0, sessionHex(1));
            reports.end(row, T0 + 20 * 60_000);
            assertEquals(new SessionReports.SessionOwner(row, alice), reports.byRelaySessionId(sessionHex(1)).orElseThrow());

            SessionReport filed = report(sessionHex(1), Outcome.Kind.ONSITE_VISIT, true, true, "disk clicks", T0, T0 + 20 * 60_000);
            ReportColumns columns = ReportColumns.of(filed, true);
            assertEquals(SessionReports.Filed.STORED, reports.file(row, alice, "Alice Meyer", columns, filed, T0 + 21 * 60_000));
            assertEquals(SessionReports.Filed.ALREADY_STORED, reports.file(row, alice, "Alice Meyer", columns, filed, T0));
            SessionReport other = report(sessionHex(1), Outcome.Kind.RESOLVED_REMOTELY, false, false, "", T0, T0 + 1000);
            assertEquals(SessionReports.Filed.OTHER_REPORT_EXISTS,
                    reports.file(row, alice, "Alice Meyer", ReportColumns.of(other, false), other, T0));
            assertEquals(filed, reports.report(row).orElseThrow(), "the first report stays, whole");

            SessionRow listed = new SessionSearch(db.database()).row(row).orElseThrow();
            assertEquals("Alice Meyer", listed.getTechnician());
            assertEquals(Outcome.Kind.ONSITE_VISIT, listed.getOutcome());
            assertTrue(listed.getHadControl() && listed.getOnsiteRecommended() && listed.getRecorded());
            assertEquals(20 * 60, listed.getDurationSeconds());
            assertEquals("disk clicks", listed.getNotesExcerpt());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOwnerLessSessionIsClaimedOnceWithTheRightClaim(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            SessionReports reports = new SessionReports(db.database());
            long alice = account(db.database(), "Alice Meyer", "TECHNICIAN");
            long bob = account(db.database(), "Bob Stone", "TECHNICIAN");
            byte[] hash = new byte[32];
            new java.security.SecureRandom().nextBytes(hash);
            long row = reports.startCodeFlowSession(sessionHex(2), null, "Carol", T0, null, hash);
            long signedInRow = reports.startCodeFlowSession(sessionHex(3), null, "Dan", T0, null, null);

            byte[] wrong = hash.clone();
            wrong[0] ^= 1;
            assertEquals(SessionReports.Claimed.MISMATCH, reports.claim(row, alice, wrong));
            assertEquals(SessionReports.Claimed.MISMATCH, reports.claim(row, alice, new byte[3]), "a short claim");
            assertEquals(null, reports.byRelaySessionId(sessionHex(2)).orElseThrow().technicianId(), "a wrong claim changes nothing");
            assertEquals(SessionReports.Claimed.NO_CLAIM, reports.claim(signedInRow, alice, hash), "no claim was given out");

            assertEquals(SessionReports.Claimed.CLAIMED, reports.claim(row, alice, hash.clone()));
            assertEquals(new SessionReports.SessionOwner(row, alice), reports.byRelaySessionId(sessionHex(2)).orElseThrow());
            assertEquals(SessionReports.Claimed.NO_CLAIM, reports.claim(row, bob, hash), "a second claimant finds it owned");
            assertEquals(alice, reports.byRelaySessionId(sessionHex(2)).orElseThrow().technicianId());
        }
    }

    /** One generated session: what the list should show for it. */
    record Made(long id, String technician, String organisation, String customer, long started, long durationS,
                Outcome.Kind outcome, boolean control, boolean onsite, String notes) {
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void thousandsOfSessionsAreFilteredSortedAndPagedByTheDatabase(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Database database = db.database();
            SessionReports reports = new SessionReports(database);
            ContractStore contracts = new ContractStore(database);
            String[] techs = {"Alice Meyer", "Bob Stone", "Chen Li", "Dana Ruiz"};
            long[] techIds = new long[techs.length];
            for (int i = 0; i < techs.length; i++) {
                techIds[i] = account(database, techs[i], "TECHNICIAN");
            }
            String[] orgs = {"ACME", "Bakery", "Clinic"};
            long[] orgIds = new long[orgs.length];
            for (int i = 0; i < orgs.length; i++) {
                orgIds[i] = contracts.organisation(orgs[i], T0).id();
            }
            Outcome.Kind[] kinds = {Outcome.Kind.RESOLVED_REMOTELY, Outcome.Kind.ONSITE_VISIT,
                    Outcome.Kind.ESCALATED_TO_DEVELOPMENT, Outcome.Kind.NOT_RESOLVED};
            int n = 3000;
            List<Made> made = new ArrayList<>();
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("insert into support_sessions (organisation_id, technician_id,"
                         + " customer_name, requested_at_ms, started_at_ms, ended_at_ms, relay_session_id, via_queue)"
                         + " values (?, ?, ?, ?, ?, ?, ?, true)")) {
                c.setAutoCommit(false);
                for (int i = 0; i < n; i++) {
                    long started = T0 + (long) i * 17 * 60_000; // about 35 days
                    long duration = 60 + (i * 37L) % 3600;
                    s.setLong(1, orgIds[i % 3]);
                    s.setLong(2, techIds[i % 4]);
                    s.setString(3, "Customer " + i);
                    s.setLong(4, started);
                    s.setLong(5, started);
                    s.setLong(6, started + duration * 1000);
                    s.setString(7, sessionHex(i));
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
                c.setAutoCommit(true);
            }
            for (int i = 0; i < n; i++) {
                long id = reports.byRelaySessionId(sessionHex(i)).orElseThrow().id();
                long started = T0 + (long) i * 17 * 60_000;
                long duration = 60 + (i * 37L) % 3600;
                boolean reported = i % 5 != 4;
                Outcome.Kind kind = reported ? kinds[i % 4] : Outcome.Kind.KIND_UNSPECIFIED;
                boolean control = reported && i % 3 == 0;
                boolean onsite = reported && i % 7 == 0;
                String notes = i % 50 == 0 ? "printer 100% broken_" + i : "";
                if (reported) {
                    SessionReport r = report(sessionHex(i), kind, control, onsite, notes, started, started + duration * 1000);
                    reports.file(id, techIds[i % 4], techs[i % 4], ReportColumns.of(r, control), r, started);
                }
                made.add(new Made(id, techs[i % 4], orgs[i % 3], "Customer " + i, started, duration, kind, control, onsite, notes));
            }

            SessionSearch search = new SessionSearch(database);
            // Everything, newest first, in pages of 200: the pages add up to the whole list in order.
            List<Long> paged = new ArrayList<>();
            SessionQuery all = SessionQuery.newBuilder().setLimit(200).build();
            for (int offset = 0; offset < n; offset += 200) {
                SessionPage page = search.page(all.toBuilder().setOffset(offset).build());
                assertEquals(n, page.getTotal());
                page.getRowsList().forEach(r -> paged.add(r.getId()));
            }
            assertEquals(made.stream().sorted(Comparator.comparingLong(Made::started).reversed()).map(Made::id).toList(), paged);

            // Combined filters against the same filter in Java.
            long from = T0 + 5 * DAY;
            long to = T0 + 20 * DAY;
            SessionQuery q = SessionQuery.newBuilder().setFromMs(from).setToMs(to).setTechnician("Bob Stone")
                    .setOrganisation("ACME").addOutcomes(Outcome.Kind.ONSITE_VISIT).addOutcomes(Outcome.Kind.NOT_RESOLVED)
                    .setMinDurationSeconds(600).setMaxDurationSeconds(3000).setHadControl(Tristate.YES)
                    .setSort(SessionSort.SORT_DURATION).setAscending(true).setLimit(200).build();
            List<Made> expected = made.stream().filter(m -> m.started() >= from && m.started() < to
                    && m.technician().equals("Bob Stone") && m.organisation().equals("ACME")
                    && (m.outcome() == Outcome.Kind.ONSITE_VISIT || m.outcome() == Outcome.Kind.NOT_RESOLVED)
                    && m.durationS() >= 600 && m.durationS() <= 3000 && m.control())
                    .sorted(Comparator.comparingLong(Made::durationS).thenComparingLong(Made::id)).toList();
            assertFalse(expected.isEmpty(), "the fixture has matches");
            SessionPage page = search.page(q);
            assertEquals(expected.size(), page.getTotal());
            assertEquals(expected.stream().map(Made::id).toList(), page.getRowsList().stream().map(SessionRow::getId).toList());

            // No report yet, on-site recommended, and text search (LIKE wildcards in the text are literal).
            assertEquals(made.stream().filter(m -> m.outcome() == Outcome.Kind.KIND_UNSPECIFIED).count(),
                    search.page(SessionQuery.newBuilder().addOutcomes(Outcome.Kind.KIND_UNSPECIFIED).setLimit(1).build()).getTotal());
            assertEquals(made.stream().filter(Made::onsite).count(),
                    search.page(SessionQuery.newBuilder().setOnsiteRecommended(Tristate.YES).setLimit(1).build()).getTotal());
            assertEquals(made.stream().filter(m -> !m.onsite()).count(),
                    search.page(SessionQuery.newBuilder().setOnsiteRecommended(Tristate.NO).setLimit(1).build()).getTotal());
            assertEquals(made.stream().filter(m -> m.notes().contains("100% broken_")).count(),
                    search.page(SessionQuery.newBuilder().setText("100% BROKEN_").setLimit(200).build()).getTotal());
            assertEquals(0, search.page(SessionQuery.newBuilder().setText("100x broken").setLimit(1).build()).getTotal());
            assertEquals(1, search.page(SessionQuery.newBuilder().setText("customer 2999").setLimit(5).build()).getTotal());

            // Sorted by technician, then newest: the first page is all Alice, newest first.
            SessionPage byTech = search.page(SessionQuery.newBuilder().setSort(SessionSort.SORT_TECHNICIAN).setAscending(true)
                    .setLimit(50).build());
            assertTrue(byTech.getRowsList().stream().allMatch(r -> r.getTechnician().equals("Alice Meyer")));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theDashboardCountsSessionsOutcomesHandlingFirstContactBlocksAndBreaches(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Database database = db.database();
            ContractStore contracts = new ContractStore(database);
            BillingStore billing = new BillingStore(database, contracts);
            SessionReports reports = new SessionReports(database);
            long alice = account(database, "Alice Meyer", "TECHNICIAN");
            ContractStore.Organisation clinic = contracts.organisation("Clinic", T0);
            contracts.setContract(clinic, new Contract.BlockHours(600, 120, 15), T0);
            ContractStore.Organisation bakery = contracts.organisation("Bakery", T0);
            contracts.setContract(bakery, new Contract.ManagedServices(150_000, 1, 60,
                    dev.lifeline.relay.contracts.HoursOfCover.ALWAYS), T0);

            long day1 = T0 + 2 * DAY + 9 * 3_600_000L;
            // Clinic: Carol twice (the second is a repeat contact), Dan once; Bakery: Eve waits 10 min (breach).
            long s1 = billing.startSession(null, clinic.id(), alice, "Carol", day1, day1);
            billing.endSession(s1, day1 + 40 * 60_000);
            long s2 = billing.startSession(null, clinic.id(), alice, "Carol", day1 + DAY, day1 + DAY);
            billing.endSession(s2, day1 + DAY + 20 * 60_000);
            long s3 = billing.startSession(null, clinic.id(), alice, "Dan", day1 + DAY, day1 + DAY + 1000);
            billing.endSession(s3, day1 + DAY + 1000 + 30 * 60_000);
            long s4 = billing.startSession(null, bakery.id(), alice, "Eve", day1, day1 + 10 * 60_000);
            billing.endSession(s4, day1 + 10 * 60_000 + 30 * 60_000);
            long[] rows = {s1, s2, s3, s4};
            Outcome.Kind[] outcomes = {Outcome.Kind.RESOLVED_REMOTELY, Outcome.Kind.RESOLVED_REMOTELY,
                    Outcome.Kind.ONSITE_VISIT, null};
            for (int i = 0; i < rows.length; i++) {
                try (Connection c = database.dataSource().getConnection();
                     PreparedStatement s = c.prepareStatement("update support_sessions set relay_session_id = ? where id = ?")) {
                    s.setString(1, sessionHex(i));
                    s.setLong(2, rows[i]);
                    s.executeUpdate();
                }
                if (outcomes[i] != null) {
                    SessionReport r = report(sessionHex(i), outcomes[i], false, false, "", day1, day1 + 60_000);
                    reports.file(rows[i], alice, "Alice Meyer", ReportColumns.of(r, false), r, day1);
                }
            }
            // A session outside the period counts nowhere.
            billing.startSession(null, clinic.id(), alice, "Old", T0 - 30 * DAY, T0 - 30 * DAY);

            Dashboard d = new DashboardFigures(database).figures(DashboardQuery.newBuilder().setFromMs(T0).setToMs(T0 + 30 * DAY)
                    .setUtcOffsetMinutes(120).build());
            assertEquals(List.of("2026-10-03:2", "2026-10-04:2"),
                    d.getPerDayList().stream().map(x -> x.getDay() + ":" + x.getSessions()).toList());
            Map<Outcome.Kind, Integer> mix = d.getOutcomesList().stream()
                    .collect(Collectors.toMap(OutcomeCount::getOutcome, OutcomeCount::getSessions));
            assertEquals(Map.of(Outcome.Kind.RESOLVED_REMOTELY, 2, Outcome.Kind.ONSITE_VISIT, 1, Outcome.Kind.KIND_UNSPECIFIED, 1), mix);
            assertEquals(4, d.getSessions());
            assertEquals(3, d.getReported());
            assertEquals((40 + 20 + 30 + 30) * 60 / 4, d.getAverageHandlingSeconds());
            assertEquals(3, d.getFirstContacts(), "Carol, Dan and Eve");
            assertEquals(0, d.getFirstContactResolved(), "Carol came back the next day; Dan needs a visit; Eve has no report");
            Map<String, OrganisationFigures> orgs = d.getOrganisationsList().stream()
                    .collect(Collectors.toMap(OrganisationFigures::getName, o -> o));
            assertEquals(600, orgs.get("Clinic").getBlockMinutesPurchased());
            assertEquals(600 - 45 - 30 - 30, orgs.get("Clinic").getBlockMinutesRemaining());
            assertEquals(3, orgs.get("Clinic").getSessions());
            assertEquals(1, orgs.get("Bakery").getSlaBreaches());
            assertFalse(orgs.get("Bakery").getBlockHours());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void firstContactResolutionAndTheBlockHourBalanceAtTheEndOfThePeriod(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Database database = db.database();
            ContractStore contracts = new ContractStore(database);
            BillingStore billing = new BillingStore(database, contracts);
            SessionReports reports = new SessionReports(database);
            long alice = account(database, "Alice Meyer", "TECHNICIAN");
            ContractStore.Organisation clinic = contracts.organisation("Clinic", T0);
            contracts.setContract(clinic, new Contract.BlockHours(600, 120, 15), T0);
            ContractStore.Organisation bakery = contracts.organisation("Bakery", T0);
            int[] n = {0};
            SessionMaker session = (org, customer, start, minutes, outcome) -> {
                long row = billing.startSession(null, org.id(), alice, customer, start, start);
                billing.endSession(row, start + minutes * 60_000L);
                if (outcome != null) {
                    String hex = sessionHex(100 + n[0]++);
                    try (Connection c = database.dataSource().getConnection();
                         PreparedStatement s = c.prepareStatement("update support_sessions set relay_session_id = ? where id = ?")) {
                        s.setString(1, hex);
                        s.setLong(2, row);
                        s.executeUpdate();
                    }
                    SessionReport r = report(hex, outcome, false, false, "", start, start + minutes * 60_000L);
                    reports.file(row, alice, "Alice Meyer", ReportColumns.of(r, false), r, start);
                }
            };
            long end = T0 + 30 * DAY;
            // Frank: resolved, came back 8 days later (after the window): his first contact counts.
            session.make(clinic, "Frank", T0 + DAY, 10, Outcome.Kind.RESOLVED_REMOTELY);
            session.make(clinic, "Frank", T0 + 9 * DAY + 1, 10, Outcome.Kind.RESOLVED_REMOTELY);
            // Gina: a session before the period; her first in the period is resolved, no follow-up: counts.
            session.make(bakery, "Gina", T0 - 2 * DAY, 5, Outcome.Kind.NOT_RESOLVED);
            session.make(bakery, "Gina", T0 + 5 * DAY, 5, Outcome.Kind.RESOLVED_REMOTELY);
            // Gina of another organisation is another customer: resolved, counts.
            session.make(clinic, "Gina", T0 + 6 * DAY, 5, Outcome.Kind.RESOLVED_REMOTELY);
            // Hank: resolved near the end, but calls again two days later, after the period: does not count.
            session.make(bakery, "Hank", end - DAY / 2, 5, Outcome.Kind.RESOLVED_REMOTELY);
            session.make(bakery, "Hank", end + 2 * DAY, 5, Outcome.Kind.RESOLVED_REMOTELY);
            // Ivan: a visit is needed: a first contact that is not resolved.
            session.make(bakery, "Ivan", T0 + 3 * DAY, 30, Outcome.Kind.ONSITE_VISIT);
            // After the period the clinic draws more and buys a new block: neither shows in the period.
            session.make(clinic, "Judy", end + DAY, 50, null);
            contracts.setContract(clinic, new Contract.BlockHours(900, 120, 15), end + 3 * DAY);

            Dashboard d = new DashboardFigures(database).figures(DashboardQuery.newBuilder().setFromMs(T0).setToMs(end).build());
            assertEquals(5, d.getFirstContacts(), "Frank, Gina (bakery), Gina (clinic), Hank, Ivan");
            assertEquals(3, d.getFirstContactResolved(), "Frank, both Ginas");
            OrganisationFigures clinicFigures = d.getOrganisationsList().stream().filter(o -> o.getName().equals("Clinic"))
                    .findFirst().orElseThrow();
            assertEquals(600, clinicFigures.getBlockMinutesPurchased(), "the block in force at the end of the period");
            assertEquals(600 - 15 - 15 - 15, clinicFigures.getBlockMinutesRemaining(), "Frank twice and Gina, not Judy");

            Dashboard later = new DashboardFigures(database).figures(DashboardQuery.newBuilder().setFromMs(end)
                    .setToMs(end + 5 * DAY).build());
            OrganisationFigures now = later.getOrganisationsList().stream().filter(o -> o.getName().equals("Clinic"))
                    .findFirst().orElseThrow();
            assertEquals(900, now.getBlockMinutesPurchased(), "the new block");
            assertEquals(900, now.getBlockMinutesRemaining(), "nothing drawn from it yet");
            assertEquals(2, later.getFirstContacts(), "Judy, and Hank's call after the period is his first of the next one");
        }
    }

    @FunctionalInterface
    private interface SessionMaker {
        void make(ContractStore.Organisation org, String customer, long start, int minutes, Outcome.Kind outcome) throws Exception;
    }
}
