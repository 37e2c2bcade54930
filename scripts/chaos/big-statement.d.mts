export declare function bigStatement(maxBytes: number): { name: string; bytes: Buffer; credits: number };
