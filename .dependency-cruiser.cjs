/**
 * The house's dependency rules (see README "How it is built"), checked by .ci/run:
 * only github/ talks to Octokit, only the Discourse and Slack adapters talk to their clients,
 * features never reach into Probot or the app's wiring, features read no files for their texts,
 * and nothing imports in a circle.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle makes load order matter and rooms inseparable.",
      from: {},
      to: { circular: true },
    },
    {
      name: "octokit-only-in-github",
      severity: "error",
      comment: "github/ is the one port to GitHub: nothing else may import Octokit.",
      from: { path: "^src/", pathNot: "^src/github/" },
      to: { path: "(^|node_modules/)@octokit/" },
    },
    {
      name: "probot-octokit-only-in-github",
      severity: "error",
      comment:
        "Probot's Octokit is Octokit too; outside github/ only the app's wiring may import Probot.",
      from: {
        path: "^src/",
        pathNot: "^src/(github|app|actions-mode)/|^src/(index|main)\\.ts$",
      },
      to: { path: "(^|node_modules/)probot(/|$)" },
    },
    {
      name: "features-not-on-the-app",
      severity: "error",
      comment: "Features get a Scope; they import neither Probot nor app/.",
      from: { path: "^src/(features|reconcile|commands|actions|config|core|store)/" },
      to: { path: "^src/app/|(^|node_modules/)probot(/|$)" },
    },
    {
      name: "texts-come-as-data",
      severity: "error",
      comment:
        "Features, commands and doctor get their texts as a Templates value (Scope, plan inputs): they read no files and render no template themselves; entry points call loadTemplates() once.",
      from: { path: "^src/(features|commands|doctor)/" },
      to: {
        path: "^(node:)?fs(/promises)?$|^src/core/(load-templates|paths)\\.ts$|(^|node_modules/)mustache(/|$)",
      },
    },
    {
      name: "planners-without-octokit-types",
      severity: "error",
      comment: "Everything above github/ uses our own types, never Octokit's.",
      from: { path: "^src/(features|reconcile|commands|actions)/" },
      to: { path: "^src/github/octokit/" },
    },
    {
      name: "openapi-fetch-only-in-discourse-adapter",
      severity: "error",
      comment:
        "forum/discourse-* is the one adapter to Discourse: nothing else sends its requests or reads its generated types.",
      from: { path: "^src/", pathNot: "^src/forum/discourse-" },
      to: { path: "(^|node_modules/)openapi-fetch(/|$)|^src/forum/discourse-openapi\\.ts$" },
    },
    {
      name: "slack-client-only-in-slack-adapter",
      severity: "error",
      comment:
        "chat/slack-* is the one adapter to Slack: nothing else imports Slack's client or types.",
      from: { path: "^src/", pathNot: "^src/chat/slack-" },
      to: { path: "(^|node_modules/)@slack/" },
    },
    {
      name: "planners-through-ports",
      severity: "error",
      comment: "Above the ports, the forum and chat are ForumPort and ChatPort, never an adapter.",
      from: { path: "^src/(features|reconcile|commands|actions)/" },
      to: { path: "^src/forum/discourse-|^src/chat/slack-" },
    },
    {
      name: "web-reads-the-snapshot",
      severity: "error",
      comment:
        "web/ renders the stored snapshot: a page view never calls GitHub (the scheduled refresh in features/dashboard/ does).",
      from: { path: "^src/web/" },
      to: {
        path: "^src/github/|^src/features/(?!dashboard/config\\.ts$)|(^|node_modules/)(@octokit/|probot(/|$))",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
