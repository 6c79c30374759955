package dev.lifeline.common.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.timeline.TimelineEntry.Actor;
import dev.lifeline.common.timeline.TimelineEntry.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTimelineTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void consentEventsFromTheLedgerKeepTheirTimeAndActor() {
        SessionTimeline timeline = new SessionTimeline(clock);
        ConsentLedger ledger = new ConsentLedger(clock, timeline::consent);
        ledger.request(Capability.CLIPBOARD);
        ledger.grant(Capability.CLIPBOARD);
        ledger.revoke(Capability.CLIPBOARD, dev.lifeline.common.consent.ConsentEvent.Actor.CUSTOMER);
        assertEquals(List.of(Kind.CONSENT_ASKED, Kind.CONSENT_GRANTED, Kind.CONSENT_REVOKED),
                timeline.entries().stream().map(TimelineEntry::kind).toList());
        assertEquals(new TimelineEntry(clock.instant(), Kind.CONSENT_GRANTED, Actor.CUSTOMER, "CLIPBOARD", 0, ""),
                timeline.entries().get(1));
        assertEquals(Actor.TECHNICIAN, timeline.entries().get(0).actor());
    }

    @Test
    void subscribersSeeEachEntryAndTheTimelineIsBounded() {
        SessionTimeline timeline = new SessionTimeline(clock);
        List<TimelineEntry> seen = new ArrayList<>();
        timeline.subscribe(seen::add);
        timeline.record(Kind.FILE_OFFERED, Actor.TECHNICIAN, "setup.msi", 1234, "");
        timeline.record(Kind.CLIPBOARD_SENT_TO_CUSTOMER, Actor.TECHNICIAN, "clipboard", 42, "");
        assertEquals(timeline.entries(), seen);
        assertEquals(1, timeline.entries(Kind.FILE_OFFERED).size());
        for (int i = 0; i < SessionTimeline.MAX_ENTRIES; i++) {
            timeline.record(Kind.MESSAGE_REFUSED, Actor.CUSTOMER_APP, "CLIPBOARD", 0, "");
        }
        assertEquals(SessionTimeline.MAX_ENTRIES, timeline.entries().size());
        assertEquals(2, timeline.dropped());
        assertEquals(Kind.MESSAGE_REFUSED, timeline.entries().get(0).kind(), "the oldest went first");
    }
}
