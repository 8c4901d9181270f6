export function countsTable(catalogDir?: string): string
export function renderDoc(text: string, table?: string): string
