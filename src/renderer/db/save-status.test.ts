import { describe, expect, it, vi } from 'vitest';
import { retryFailedWrites, trackWrite } from './save-status';

describe('trackWrite', () => {
  it('retries a write that fails for a moment, and reports it saved', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const write = trackWrite(async () => {
      calls++;
      if (calls < 3) throw new Error('transaction aborted');
      return 'stored';
    });
    await vi.runAllTimersAsync();
    await expect(write).resolves.toBe('stored');
    expect(calls).toBe(3);
    vi.useRealTimers();
  });

  it('keeps a write that keeps failing, and runs it again on retry', async () => {
    vi.useFakeTimers();
    let diskFull = true;
    const stored: string[] = [];
    const write = trackWrite(async () => {
      if (diskFull) throw new Error('QuotaExceededError');
      stored.push('claim');
    });
    const outcome = expect(write).rejects.toThrow('QuotaExceededError');
    await vi.runAllTimersAsync();
    await outcome;
    expect(stored).toEqual([]);

    diskFull = false;
    await retryFailedWrites();
    expect(stored).toEqual(['claim']);
    vi.useRealTimers();
  });
});
