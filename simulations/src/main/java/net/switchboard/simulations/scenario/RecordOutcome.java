package net.switchboard.simulations.scenario;

/**
 * The fate of one published record.
 *
 * @param holdersAfterFirstPut serials of the live nodes holding it right after its first put completed
 * @param remainingLifeSeconds time from then until its (last) expiry
 * @param lost whether it was ever left with no live holder before expiring
 */
public record RecordOutcome(int[] holdersAfterFirstPut, double remainingLifeSeconds, boolean lost) {}
