package dev.lifeline.client.control;

/**
 * What remote control uses on the customer's machine: how to inject input and how to see the
 * person's own input. Opened only when the customer grants control.
 */
public record ControlDevices(InputInjectors injectors, LocalInputWatch localInput) {
    /** AWT Robot, and no local-input watch (the apps add the jnativehook one). */
    public static ControlDevices robot() {
        return new ControlDevices(InputInjectors.robot(), LocalInputWatch.NONE);
    }

    public ControlDevices withLocalInput(LocalInputWatch watch) {
        return new ControlDevices(injectors, watch);
    }
}
