/** Organization Projects v2 boards in the double: fields, items, values, and the app's writes. */
import type {
  MutationOp,
  ProjectFieldValue,
  ProjectItemSnapshot,
  ProjectSnapshot,
} from "../../src/github/types.js";
import type { JsonObject } from "./examples.js";
import type {
  Issue,
  Project,
  ProjectFieldModel,
  ProjectFieldType,
  ProjectItem,
  ProjectValue,
} from "./model.js";
import { OpRefused, unresolved } from "./refusal.js";
import type { Store } from "./store.js";
import type { AppEvent, Webhooks } from "./webhooks.js";

export interface ProjectFieldSeed {
  name: string;
  type: ProjectFieldType;
  /** Option names of a single-select field. */
  options?: string[];
}

export interface ProjectSeed {
  number: number;
  title?: string;
  fields?: ProjectFieldSeed[];
}

const FIELD_TYPES: Record<ProjectFieldType, string> = {
  singleSelect: "single_select",
  date: "date",
  text: "text",
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createProject(store: Store, org: string, seed: ProjectSeed): Project {
  const owner = store.org(org);
  if (!owner) throw new Error(`no organization ${org}: addOrg first`);
  const databaseId = store.nextId();
  const project: Project = {
    id: `PVT_${databaseId}`,
    databaseId,
    number: seed.number,
    org: owner.account.login,
    title: seed.title ?? `Project ${seed.number}`,
    fields: [],
    items: [],
  };
  for (const field of seed.fields ?? []) addField(store, project, field);
  owner.projects.set(seed.number, project);
  store.register({ kind: "project", project });
  return project;
}

export function addField(store: Store, project: Project, seed: ProjectFieldSeed): void {
  const id = store.nextId();
  project.fields.push({
    id: `${seed.type === "singleSelect" ? "PVTSSF" : "PVTF"}_${id}`,
    name: seed.name,
    type: seed.type,
    options: (seed.options ?? []).map((name) => ({ id: `opt_${store.nextId()}`, name })),
  });
}

export function requireProject(store: Store, org: string, number: number): Project {
  const project = store.org(org)?.projects.get(number);
  if (!project) throw new Error(`no project ${org}#${number} in MemoryGitHub`);
  return project;
}

export function fieldByName(project: Project, name: string): ProjectFieldModel | undefined {
  return project.fields.find((field) => same(field.name, name));
}

export function itemFor(project: Project, contentId: string): ProjectItem | undefined {
  return project.items.find((item) => item.contentId === contentId);
}

export function createItem(store: Store, project: Project, issue: Issue, by: string): ProjectItem {
  const databaseId = store.nextId();
  const at = store.timestamp();
  const item: ProjectItem = {
    id: `PVTI_${databaseId}`,
    databaseId,
    contentId: issue.id,
    creator: store.account(by).login,
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
    values: new Map(),
  };
  project.items.push(item);
  store.register({ kind: "projectItem", project, item });
  return item;
}

/** The webhook's view of a value: an option as an object, a date or text as a string. */
function valueJson(field: ProjectFieldModel, value: ProjectValue | undefined): unknown {
  if (!value) return null;
  if ("optionId" in value) {
    const option = field.options.find((o) => o.id === value.optionId);
    return option ? { id: option.id, name: option.name, color: "GRAY", description: "" } : null;
  }
  return "date" in value ? value.date : value.text;
}

/** Sets (or with null clears) a value; returns the delivery's `changes`, or null if unchanged. */
export function setValue(
  store: Store,
  project: Project,
  item: ProjectItem,
  field: ProjectFieldModel,
  value: ProjectValue | null,
): { field_value: JsonObject } | null {
  const before = item.values.get(field.id);
  if (JSON.stringify(before ?? null) === JSON.stringify(value)) return null;
  if (value) item.values.set(field.id, value);
  else item.values.delete(field.id);
  item.updatedAt = store.timestamp();
  return {
    field_value: {
      field_node_id: field.id,
      field_type: FIELD_TYPES[field.type],
      field_name: field.name,
      project_number: project.number,
      from: valueJson(field, before),
      to: valueJson(field, value ?? undefined),
    },
  };
}

function readValue(
  field: ProjectFieldModel,
  value: ProjectValue | undefined,
): ProjectFieldValue | null {
  if (!value) return null;
  if ("optionId" in value) {
    const option = field.options.find((o) => o.id === value.optionId);
    return option ? { type: "singleSelect", optionId: option.id, name: option.name } : null;
  }
  return "date" in value ? { type: "date", date: value.date } : null;
}

/** An issue's items on every board, as `loadIssue` reads them with `projectFields`. */
export function projectItemsOf(
  store: Store,
  issue: Issue,
  fieldNames: string[],
): ProjectItemSnapshot[] {
  // Without the Projects permission the bot sees no items rather than failing the whole read.
  if (store.projectAccess === "none") return [];
  return [...store.orgs.values()].flatMap((org) =>
    [...org.projects.values()].flatMap((project) => {
      const item = itemFor(project, issue.id);
      if (!item) return [];
      const fields: ProjectItemSnapshot["fields"] = {};
      for (const name of fieldNames) {
        const field = fieldByName(project, name);
        fields[name] = field ? readValue(field, item.values.get(field.id)) : null;
      }
      return [
        {
          id: item.id,
          project: { id: project.id, number: project.number, org: project.org },
          archived: item.archivedAt !== null,
          fields,
        },
      ];
    }),
  );
}

export function projectSnapshot(
  project: Project,
  fieldNames: string[],
  canUpdate: boolean,
): ProjectSnapshot {
  const fields: ProjectSnapshot["fields"] = {};
  for (const name of fieldNames) {
    const field = fieldByName(project, name);
    fields[name] = !field
      ? null
      : field.type === "singleSelect"
        ? { type: "singleSelect", id: field.id, name: field.name, options: [...field.options] }
        : field.type === "date"
          ? { type: "date", id: field.id, name: field.name }
          : { type: "other", id: field.id, name: field.name, dataType: "TEXT" };
  }
  return { id: project.id, title: project.title, canUpdate, fields };
}

type Emit = (event: AppEvent) => void;

function writableProject(store: Store, id: string): Project {
  const node = store.node(id);
  if (node?.kind !== "project") throw unresolved(id);
  if (store.projectAccess !== "write") {
    throw new OpRefused("Resource not accessible by integration");
  }
  return node.project;
}

export function addProjectItem(
  store: Store,
  op: Extract<MutationOp, { op: "addProjectItem" }>,
  emit: Emit,
  webhooks: Webhooks,
): string {
  const project = writableProject(store, op.projectId);
  const content = store.node(op.contentId);
  if (content?.kind !== "issue") throw unresolved(op.contentId);
  const existing = itemFor(project, content.issue.id);
  if (existing) return existing.id;
  const item = createItem(store, project, content.issue, store.appLogin);
  emit(webhooks.projectsV2Item(project, item, "created", store.appLogin));
  return item.id;
}

export function setProjectField(
  store: Store,
  op: Extract<MutationOp, { op: "setProjectField" }>,
  emit: Emit,
  webhooks: Webhooks,
): void {
  const project = writableProject(store, op.projectId);
  const item = project.items.find((candidate) => candidate.id === op.itemId);
  if (!item) throw unresolved(op.itemId);
  const field = project.fields.find((candidate) => candidate.id === op.fieldId);
  if (!field) throw unresolved(op.fieldId);
  let value: ProjectValue;
  if ("singleSelectOptionId" in op.value) {
    const optionId = op.value.singleSelectOptionId;
    if (field.type !== "singleSelect" || !field.options.some((o) => o.id === optionId)) {
      throw new OpRefused(`The single select option Id does not belong to the field`);
    }
    value = { optionId };
  } else {
    if (field.type !== "date") throw new OpRefused(`Field ${field.name} is not a date field`);
    value = { date: op.value.date };
  }
  const changes = setValue(store, project, item, field, value);
  if (changes) emit(webhooks.projectsV2Item(project, item, "edited", store.appLogin, changes));
}
