/** Transitional: the old global texts over `loadTemplates()`, while callers move to `Templates`. */
import { loadTemplates } from "./load-templates.js";
import type { Templates } from "./templates.js";

let loaded: Templates | undefined;
const shipped = (): Templates => {
  loaded ??= loadTemplates();
  return loaded;
};

export const message = (key: string, view: object = {}): string => shipped().message(key, view);
export const renderTemplate = (name: string, view: object): string => shipped().render(name, view);
