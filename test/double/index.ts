/** The in-memory GitHub for tests and the offline demo: import everything from here. */
export type {
  CommentCreated,
  IssueOpened,
  OpenIssueInput,
  PullRequestInput,
  PullRequestOpened,
  Pushed,
  PushInput,
} from "./actors.js";
export { Actor } from "./actors.js";
export { BoardActor } from "./board.js";
export type { World, WorldOptions } from "./fixtures.js";
export { CONFIG_PATH, createWorld, manualClock, PEOPLE } from "./fixtures.js";
export type { FileChanges } from "./git.js";
export type { CloseStateReason } from "./issue-edits.js";
export type {
  MemoryGitHubOptions,
  OpName,
  PortMethod,
  RecordedRequest,
} from "./memory-github.js";
export { MemoryGitHub } from "./memory-github.js";
export type { Permission, RestReaction, StateReason } from "./model.js";
export type { ProjectFieldSeed, ProjectSeed } from "./projects.js";
export { MemorySimilarSearch } from "./search.js";
export type { LabelSeed, RepoSeed } from "./setup.js";
export type { CheckRunView, CommentView, IssueView, LabelView } from "./views.js";
export type {
  AppEvent,
  EventName,
  ProjectItemAction,
  WebhookEvent,
} from "./webhooks.js";
