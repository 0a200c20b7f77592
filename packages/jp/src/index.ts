export const packageName = '@bangkom/jp';
