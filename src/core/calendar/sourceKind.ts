/** What a calendar source is: a feed, an .ics file or a folder of them. */
export type SourceKind = 'url' | 'file' | 'folder';
