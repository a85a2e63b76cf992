/** A person working on an organization's project board; each action returns its webhook. */
import type { IssueRef, RepoRef } from "../../src/github/types.js";
import { createIssue } from "./issue-edits.js";
import type { Project, ProjectItem, ProjectValue } from "./model.js";
import { createItem, fieldByName, itemFor, setValue } from "./projects.js";
import type { Store } from "./store.js";
import type { WebhookEvent, Webhooks } from "./webhooks.js";

type ItemEvent = WebhookEvent<"projects_v2_item">;

export class BoardActor {
  constructor(
    private readonly store: Store,
    private readonly webhooks: Webhooks,
    private readonly project: Project,
    readonly login: string,
  ) {
    store.account(login);
  }

  /** Adds an existing issue to the board, as "Add item" does. */
  add(ref: IssueRef): ItemEvent {
    const { issue } = this.store.requireIssue(ref);
    if (itemFor(this.project, issue.id)) this.nothingHappens(`#${ref.number} is on the board`);
    const item = createItem(this.store, this.project, issue, this.login);
    return this.webhooks.projectsV2Item(this.project, item, "created", this.login);
  }

  /** Picks an option (single-select), types a date, or clears the field with null. */
  set(ref: IssueRef, fieldName: string, to: string | null): ItemEvent {
    const item = this.item(ref);
    const field = fieldByName(this.project, fieldName);
    if (!field) throw new Error(`project ${this.project.number} has no field ${fieldName}`);
    let value: ProjectValue | null = null;
    if (to !== null && field.type === "singleSelect") {
      const option = field.options.find((o) => o.name.toLowerCase() === to.toLowerCase());
      if (!option) throw new Error(`field ${fieldName} has no option ${to}`);
      value = { optionId: option.id };
    } else if (to !== null) {
      value = field.type === "date" ? { date: to } : { text: to };
    }
    const changes = setValue(this.store, this.project, item, field, value);
    if (!changes) this.nothingHappens(`${fieldName} is already ${to}`);
    return this.webhooks.projectsV2Item(this.project, item, "edited", this.login, changes);
  }

  archive(ref: IssueRef): ItemEvent {
    const item = this.item(ref);
    if (item.archivedAt) this.nothingHappens(`#${ref.number} is archived`);
    item.archivedAt = this.store.timestamp();
    const changes = { archived_at: { from: null, to: item.archivedAt } };
    return this.webhooks.projectsV2Item(this.project, item, "archived", this.login, changes);
  }

  restore(ref: IssueRef): ItemEvent {
    const item = this.item(ref);
    const from = item.archivedAt;
    if (!from) this.nothingHappens(`#${ref.number} is not archived`);
    item.archivedAt = null;
    const changes = { archived_at: { from, to: null } };
    return this.webhooks.projectsV2Item(this.project, item, "restored", this.login, changes);
  }

  /** "Delete from project": the issue stays, its item and field values go. */
  remove(ref: IssueRef): ItemEvent {
    const item = this.item(ref);
    this.project.items.splice(this.project.items.indexOf(item), 1);
    this.store.unregister(item.id);
    return this.webhooks.projectsV2Item(this.project, item, "deleted", this.login);
  }

  /** Converts a draft (with field values already set) into an issue of `repo`. */
  convertDraft(
    repo: RepoRef,
    draft: { title: string; body?: string; fields?: Record<string, string> },
  ): ItemEvent & { ref: IssueRef } {
    const found = this.store.repo(repo);
    const issue = createIssue(this.store, found, this.login, {
      title: draft.title,
      body: draft.body ?? "",
    });
    const item = createItem(this.store, this.project, issue, this.login);
    const ref = { owner: found.owner, repo: found.name, number: issue.number };
    for (const [name, value] of Object.entries(draft.fields ?? {}))
      this.setQuietly(item, name, value);
    const changes = { content_type: { from: "DraftIssue", to: "Issue" } };
    const event = this.webhooks.projectsV2Item(
      this.project,
      item,
      "converted",
      this.login,
      changes,
    );
    return { ...event, ref };
  }

  private setQuietly(item: ProjectItem, name: string, value: string): void {
    const field = fieldByName(this.project, name);
    const option = field?.options.find((o) => o.name === value);
    if (!field) throw new Error(`project ${this.project.number} has no field ${name}`);
    setValue(
      this.store,
      this.project,
      item,
      field,
      option ? { optionId: option.id } : { date: value },
    );
  }

  private item(ref: IssueRef): ProjectItem {
    const { issue } = this.store.requireIssue(ref);
    const item = itemFor(this.project, issue.id);
    if (!item) throw new Error(`#${ref.number} is not on project ${this.project.number}`);
    return item;
  }

  private nothingHappens(why: string): never {
    throw new Error(`${this.login}: nothing happens on GitHub, so no webhook: ${why}`);
  }
}
