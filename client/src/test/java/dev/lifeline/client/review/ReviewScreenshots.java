package dev.lifeline.client.review;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.report.RelayReportStore;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamSignIn;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.e2e.Capability;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.report.DispatchSummary;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.contracts.HoursOfCover;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.review.ReportColumns;
import dev.lifeline.relay.review.SessionReports;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The Review tab against a real relay with a populated H2 database, for screenshots (not a test):
 * a month of sessions of four technicians for three organisations, with reports and billing, and a
 * lead signed in. Argument {@code dashboard} opens the dashboard. Run under Xvfb.
 */
public final class ReviewScreenshots {
    static final String PASSWORD = "correct horse battery staple";

    public static void main(String[] args) {
        Application.launch(Fx.class, args);
    }

    public static final class Fx extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            boolean dashboard = getParameters().getRaw().contains("dashboard");
            Path dir = Files.createTempDirectory("lifeline-review-shots");
            Database database = Database.open(null, dir);
            populate(database);
            RunningRelay relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir)
                    .database(database).passwordHashing(new PasswordHasher.Parameters(1024, 1, 1)).build());
            RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
            SignedInTechnician lead = TeamSignIn.signIn(client.group().next(), client.endpoint(), "Lena Lead",
                    PASSWORD.toCharArray(), null, Duration.ofSeconds(30));
            ConsoleViewModel console = new ConsoleViewModel(new FakeSessions.Identities(), Runnable::run, Platform::runLater,
                    Clock.systemUTC());
            stage.setScene(ConsoleApp.createScene(console, new Messages(Locale.ENGLISH)));
            stage.setWidth(1560);
            stage.setHeight(900);
            stage.setTitle("Lifeline Console");
            stage.show();
            ReviewWorkspace workspace = ReviewWorkspace.forSignedIn(lead, client.endpoint(), client.group(), Platform::runLater,
                    Executors.newSingleThreadExecutor(), Clock.systemUTC(), ZoneId.of("UTC")).orElseThrow();
            console.showReview(workspace);
            if (dashboard) {
                Platform.runLater(() -> ((TabPane) stage.getScene().lookup("#reviewWorkspace")).getSelectionModel().select(1));
            } else {
                workspace.sessions().technicianProperty().set("");
                workspace.sessions().outcomeProperty().set(Outcome.Kind.ONSITE_VISIT);
                workspace.sessions().search();
                Platform.runLater(() -> Platform.runLater(() -> {
                    // select the first row once it is there
                    new Thread(() -> {
                        for (int i = 0; i < 50 && workspace.sessions().rows().isEmpty(); i++) {
                            sleep(100);
                        }
                        Platform.runLater(() -> workspace.sessions().selectedProperty().set(workspace.sessions().rows().get(0)));
                    }).start();
                }));
            }
            System.out.println("ready");
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void populate(Database database) throws Exception {
        Clock clock = Clock.systemUTC();
        Accounts accounts = new Accounts(database, new AuditLog(database, clock), clock, new PasswordHasher.Parameters(1024, 1, 1),
                Lockout.DEFAULT, SessionTokens.DEFAULT_LIFETIME);
        String[] techs = {"Alice Meyer", "Bob Stone", "Chen Li", "Dana Ruiz"};
        long[] techIds = new long[techs.length];
        for (int i = 0; i < techs.length; i++) {
            String name = techs[i];
            accounts.add("cli", name, AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            techIds[i] = accounts.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
        }
        accounts.add("cli", "Lena Lead", AccountRole.LEAD, PASSWORD.toCharArray());
        ContractStore contracts = new ContractStore(database);
        BillingStore billing = new BillingStore(database, contracts);
        long now = clock.millis();
        ContractStore.Organisation clinic = contracts.organisation("Clinic Dr. Weber", now);
        contracts.setContract(clinic, new Contract.BlockHours(120 * 60, 10 * 60, 15), now);
        ContractStore.Organisation pharmacy = contracts.organisation("Pharmacy Nord", now);
        contracts.setContract(pharmacy, new Contract.BlockHours(40 * 60, 5 * 60, 15), now);
        ContractStore.Organisation bakery = contracts.organisation("Bakery Schmidt", now);
        contracts.setContract(bakery, new Contract.ManagedServices(150_000, 20, 240, HoursOfCover.ALWAYS), now);
        ContractStore.Organisation law = contracts.organisation("Law Office Brandt", now);
        contracts.setContract(law, new Contract.ManagedServices(90_000, 30, 480, HoursOfCover.ALWAYS), now);
        ContractStore.Organisation acme = contracts.organisation("ACME Logistics", now);
        contracts.setContract(acme, new Contract.TimeAndMaterial(9_000, 15), now);
        ContractStore.Organisation[] orgs = {clinic, pharmacy, bakery, law, acme};
        SessionReports reports = new SessionReports(database);
        Random random = new Random(7);
        String[] customers = {"Carol", "Dan", "Eve", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy"};
        String[] problems = {"printer prints blank pages", "VPN drops every hour", "laptop disk clicking", "Outlook crashes on start",
                "no network after update", "scanner not found", "battery drains fast", "slow boot"};
        for (int i = 0; i < 240; i++) {
            long start = now - (long) (random.nextDouble() * 30 * 86_400_000L);
            long waited = (long) (random.nextDouble() * random.nextDouble() * 45 * 60_000);
            long handled = (3 + random.nextInt(random.nextBoolean() ? 25 : 70)) * 60_000L;
            int t = random.nextInt(techs.length);
            ContractStore.Organisation org = orgs[random.nextInt(orgs.length)];
            String customer = customers[random.nextInt(customers.length)];
            long row = billing.startSession(null, org.id(), techIds[t], customer, start - waited, start);
            billing.endSession(row, start + handled);
            String hex = UUID.nameUUIDFromBytes(("session " + i).getBytes()).toString().replace("-", "");
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("update support_sessions set relay_session_id = ?, via_queue = true,"
                         + " recording_id = ? where id = ?")) {
                s.setString(1, hex);
                s.setString(2, i % 3 == 0 ? hex : null);
                s.setLong(3, row);
                s.executeUpdate();
            }
            if (random.nextInt(10) == 0) {
                continue; // no report filed
            }
            int roll = random.nextInt(20);
            Outcome.Kind kind = roll < 13 ? Outcome.Kind.RESOLVED_REMOTELY : roll < 16 ? Outcome.Kind.ONSITE_VISIT
                    : roll < 18 ? Outcome.Kind.ESCALATED_TO_DEVELOPMENT : Outcome.Kind.NOT_RESOLVED;
            String problem = problems[random.nextInt(problems.length)];
            SessionReport.Builder r = SessionReport.newBuilder().setFormatVersion(1).setReportId(UUID.randomUUID().toString())
                    .setSessionId(hex).setStartedAtMs(start).setSecuredAtMs(start + 800).setEndedAtMs(start + handled)
                    .setCustomer(Party.newBuilder().setName(customer).setOrganisation(org.name()))
                    .setBilled(dev.lifeline.common.report.ReportDrafts.billed(start, start + handled, 900))
                    .setTechnician(Party.newBuilder().setName(techs[t]).setOrganisation("Lifeline Demo Support"))
                    .addConsentTimeline(ConsentChange.newBuilder().setCapability(Capability.VIEW_SCREEN)
                            .setKind(ConsentChange.Kind.GRANTED).setActor(ConsentChange.Actor.CUSTOMER).setAtMs(start + 20_000))
                    .setOutcome(Outcome.newBuilder().setKind(kind).setNotes(problem + ": " + switch (kind) {
                        case RESOLVED_REMOTELY -> "fixed in the session, customer confirmed.";
                        case ONSITE_VISIT -> "hardware fault, visit booked.";
                        case ESCALATED_TO_DEVELOPMENT -> "reproducible crash, ticket filed.";
                        default -> "customer had to leave, call back tomorrow.";
                    }).setDecidedAtMs(start + handled));
            boolean control = random.nextBoolean();
            if (control) {
                r.addConsentTimeline(ConsentChange.newBuilder().setCapability(Capability.CONTROL_INPUT)
                        .setKind(ConsentChange.Kind.GRANTED).setActor(ConsentChange.Actor.CUSTOMER).setAtMs(start + 60_000));
            }
            if (kind == Outcome.Kind.ONSITE_VISIT) {
                r.addFindings(Finding.newBuilder().setRuleId("smart-reallocated").setSeverity(Severity.CRITICAL)
                        .setSuggestion(Suggestion.ONSITE_VISIT).setSummary("Disk sda: 24 reallocated sectors, growing"));
                r.setRecommendation(Suggestion.ONSITE_VISIT);
                r.getOutcomeBuilder().setDispatch(DispatchSummary.newBuilder().setProblem("Failing system disk")
                        .addParts("SSD 512 GB").addSkills("disk replacement").setPreferredWindow("Tue 09:00-12:00"));
            } else {
                r.setRecommendation(Suggestion.FIX_REMOTELY);
            }
            SessionReport report = r.build();
            reports.file(row, techIds[t], techs[t], ReportColumns.of(RelayReportStore.forRelay(report).getReport(), control),
                    RelayReportStore.forRelay(report).getReport(), start + handled);
        }
    }
}
