package dev.lifeline.relay.contracts;

/** What a customer organisation bought: the rule that turns a session's time into billed time. */
public sealed interface Contract {
    /** Billed per started increment at an hourly rate (e.g. 90.00 per hour in 15-minute steps). */
    record TimeAndMaterial(long rateCentsPerHour, int incrementMinutes) implements Contract {
        public TimeAndMaterial {
            if (rateCentsPerHour < 0 || incrementMinutes < 1 || incrementMinutes > 240) {
                throw new IllegalArgumentException("rate must be >= 0 and the increment 1..240 minutes");
            }
        }
    }

    /** A fixed monthly fee; sessions are not charged but measured against SLA targets within the hours of cover. */
    record ManagedServices(long monthlyFeeCents, int firstResponseMinutes, int resolutionMinutes, HoursOfCover cover)
            implements Contract {
        public ManagedServices {
            if (monthlyFeeCents < 0 || firstResponseMinutes < 1 || resolutionMinutes < firstResponseMinutes) {
                throw new IllegalArgumentException("SLA targets must be positive, resolution no shorter than first response");
            }
        }
    }

    /**
     * Prepaid hours drawn down by each session in increments; a warning below the threshold, and
     * sessions still allowed but flagged once the block is used up.
     */
    record BlockHours(long purchasedMinutes, long lowBalanceMinutes, int incrementMinutes) implements Contract {
        public BlockHours {
            if (purchasedMinutes < 0 || lowBalanceMinutes < 0 || incrementMinutes < 1 || incrementMinutes > 240) {
                throw new IllegalArgumentException("block and threshold must be >= 0, the increment 1..240 minutes");
            }
        }
    }

    /** Short label for lists: "time & material", "managed services", "block hours". */
    default String label() {
        if (this instanceof TimeAndMaterial) {
            return "time & material";
        }
        return this instanceof ManagedServices ? "managed services" : "block hours";
    }
}
