export const packageName = '@bangkom/ipasn';
