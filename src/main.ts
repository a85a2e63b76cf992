#!/usr/bin/env node
/**
 * `npm start`: serves the app with Probot's server, with our own rate-limit policy. Without
 * credentials Probot serves its registration page, which creates the app from `app.yml`.
 */
import { run } from "probot";
import { SquadBotOctokit } from "./github/squad-bot-octokit.js";
import app from "./index.js";

await run(app, { Octokit: SquadBotOctokit });
