/**
 * The one polling helper of the tests: runs `check` until it passes, that is returns anything but `false` without
 * throwing. After `timeoutMs` it fails with the check's last error, or with a timeout naming `what`.
 */
export async function eventually(check: () => unknown, timeoutMs = 10_000, what = 'the condition held', intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      if ((await check()) !== false) return;
      failure = new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
