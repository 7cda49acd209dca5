export * from './steps';
export * from './postal-code';
export * from './address';
export * from './dates';
export * from './date-schema';
export * from './signature';
export * from './events';
export * from './free-text';
