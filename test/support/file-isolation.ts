/**
 * Runs before every test file (vitest `setupFiles`). The suite runs with `isolate: false`: a worker
 * process serves many files in turn, so express, exceljs, axios, playwright and the rest are loaded
 * once per worker instead of once per file (that loading was most of the suite's processor time).
 * What a fresh process gave each file besides, this gives it:
 * - its own copy of every module of ours (src/ and test/): module-level state never carries over;
 * - nock as a file finds it when it starts: no interceptors, real connections allowed (nock is
 *   loaded here for every file, so no file runs with or without it depending on what ran before);
 * - real timers, no stubbed globals or environment variables, no spies left over.
 * Handles a file leaves open (a server, an interval) are not closed here: every file closes its own.
 */
import nock from 'nock';
import { afterAll, vi } from 'vitest';

vi.resetModules();

afterAll(() => {
  nock.cleanAll();
  nock.abortPendingRequests();
  nock.enableNetConnect();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
