package net.switchboard.seam;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a pure state machine: each event goes through {@code step} (event to commands, no I/O),
 * and each command it returns through {@code run}, in order, on the machine's own thread.
 *
 * <p>Called from any other thread, {@link #apply} fails at once instead of racing the machine.
 * An event raised while commands run (a command's result ready at once, a listener acting from a
 * notification) is queued and applied after them, so every step's commands run whole and in order.
 *
 * @param <E> events
 * @param <C> commands
 */
public final class StepDriver<E, C> {
  private final String name;
  private final BooleanSupplier onOwnThread;
  private final Function<E, List<C>> step;
  private final Consumer<C> run;
  private final ArrayDeque<E> pending = new ArrayDeque<>();
  private boolean running;

  /**
   * @param name what the machine is, for the error a wrong thread gets
   * @param onOwnThread true on the only thread the machine may run on
   */
  public StepDriver(String name, BooleanSupplier onOwnThread, Function<E, List<C>> step, Consumer<C> run) {
    this.name = name;
    this.onOwnThread = onOwnThread;
    this.step = step;
    this.run = run;
  }

  /**
   * Applies {@code event} and runs its commands (later, if a step is running already).
   *
   * @throws IllegalStateException when called from another thread than the machine's
   */
  public void apply(E event) {
    if (!onOwnThread.getAsBoolean()) {
      throw new IllegalStateException(name + " driven from thread " + Thread.currentThread().getName()
          + ", not its own: hand the action to its scheduler (execute)");
    }
    pending.add(event);
    if (running) {
      return;
    }
    running = true;
    try {
      E next;
      while ((next = pending.poll()) != null) {
        for (C c : step.apply(next)) {
          run.accept(c);
        }
      }
    } finally {
      running = false;
    }
  }
}
