/** Catching the WheelError a reader call must throw, so tests can look at its location. */
import { expect } from "vitest";
import { WheelError } from "../../src/errors.js";

/** The WheelError `action` rejects with; fails the test if it resolves or rejects otherwise. */
export async function wheelError(action: () => Promise<unknown>): Promise<WheelError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(WheelError);
    return error as WheelError;
  }
  throw new Error("expected a WheelError");
}

/** The WheelError `action` throws; fails the test if it returns or throws otherwise. */
export function thrownWheelError(action: () => unknown): WheelError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(WheelError);
    return error as WheelError;
  }
  throw new Error("expected a WheelError");
}
