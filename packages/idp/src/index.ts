export const packageName = '@bangkom/idp';
