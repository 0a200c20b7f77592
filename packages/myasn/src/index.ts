export const packageName = '@bangkom/myasn';
