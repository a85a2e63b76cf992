/** The scheduler room: periodic jobs with cron, time zones and a pluggable lock. */
export { InProcessLock, type JobLock } from "./lock.js";
export { advisoryKey, PgAdvisoryLock, type SqlClient, type SqlSession } from "./pg-lock.js";
export {
  type RunOutcome,
  type ScheduledJob,
  Scheduler,
  type SchedulerClock,
  type SchedulerLog,
  type SchedulerOptions,
  systemClock,
} from "./scheduler.js";
