export const packageName = '@bangkom/tubel';
