export function demoPersonalNumbers(seedDir?: string): string[];
export function spellings(pnr: string): { format: string; text: string }[];
export function findPersonalNumbers(text: string, numbers: string[]): { line: number; person: number; format: string }[];
