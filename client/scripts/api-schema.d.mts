export declare const HEADER: string;
export declare function generateSchema(openapiPath: string): Promise<string>;
