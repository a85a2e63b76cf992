/** The fields delivery reads of a discussion or an issue comment that may hold a digest. */
export const DISCUSSION_POST_FIELDS = "id number url body closed viewerDidAuthor";
export const COMMENT_POST_FIELDS = "id databaseId url body isMinimized viewerDidAuthor";

export interface DiscussionPostNode {
  id: string;
  number: number;
  url: string;
  body: string;
  closed: boolean;
  viewerDidAuthor: boolean;
}

export interface CommentPostNode {
  id: string;
  databaseId: number | null;
  url: string;
  body: string;
  isMinimized: boolean;
  viewerDidAuthor: boolean;
}
