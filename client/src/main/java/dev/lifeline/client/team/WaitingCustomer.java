package dev.lifeline.client.team;

import dev.lifeline.common.wire.relay.QueueItem;

/** One entry of the relay's waiting queue, as the Console shows it. */
public record WaitingCustomer(long entryId, String name, String problem, String contact, String organisation,
                              long submittedAtMs, boolean connected, String contractKind, String contractDescription,
                              boolean blockHours, long blockMinutesRemaining, boolean lowBalance, boolean exhausted,
                              Sla sla) {
    public enum Sla { NONE, ON_TRACK, AT_RISK, BREACHED }

    static WaitingCustomer from(QueueItem item) {
        var contract = item.getContract();
        Sla sla = switch (contract.getSla()) {
            case SLA_ON_TRACK -> Sla.ON_TRACK;
            case SLA_AT_RISK -> Sla.AT_RISK;
            case SLA_BREACHED -> Sla.BREACHED;
            default -> Sla.NONE;
        };
        return new WaitingCustomer(item.getEntryId(), item.getCustomerName(), item.getProblem(), item.getContact(),
                item.getOrganisation(), item.getSubmittedAtMs(), item.getConnected(), contract.getKind(),
                contract.getDescription(), contract.getKind().equals("block hours"), contract.getBlockMinutesRemaining(),
                contract.getLowBalance(), contract.getExhausted(), sla);
    }

    /** "6.5 h left", "exhausted", … for block hours; empty otherwise. */
    public String blockBalance() {
        if (!blockHours) {
            return "";
        }
        if (exhausted) {
            return "block exhausted (" + hours(blockMinutesRemaining) + " h)";
        }
        return hours(blockMinutesRemaining) + " h left" + (lowBalance ? " (low)" : "");
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60)
                : String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
