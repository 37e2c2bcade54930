/** What every job factory takes besides its dependencies: its schedule and catch-up window from the config. */
export interface JobSettings {
  schedule: string;
  catchUpMinutes?: number;
}
