/** The scheduler room: periodic jobs with cron, time zones and a pluggable lock. */
export { InProcessLock, type JobLock } from "./lock.js";
export { issueAdvisoryLock, PgAdvisoryLock, type SqlSession } from "./pg-lock.js";
