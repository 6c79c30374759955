package dev.lifeline.client.control;

/**
 * What remote control uses on the customer's machine: how to inject input, how to see the
 * person's own input, and where to draw the laser pointer. Each is opened only when needed.
 */
public record ControlDevices(InputInjectors injectors, LocalInputWatch localInput, PointerOverlay.Opener overlays) {
    public ControlDevices(InputInjectors injectors, LocalInputWatch localInput) {
        this(injectors, localInput, PointerOverlay.NONE);
    }

    /** AWT Robot, no local-input watch and no laser overlay (the apps add theirs). */
    public static ControlDevices robot() {
        return new ControlDevices(InputInjectors.robot(), LocalInputWatch.NONE, PointerOverlay.NONE);
    }

    public ControlDevices withLocalInput(LocalInputWatch watch) {
        return new ControlDevices(injectors, watch, overlays);
    }

    public ControlDevices withOverlays(PointerOverlay.Opener opener) {
        return new ControlDevices(injectors, localInput, opener);
    }
}
