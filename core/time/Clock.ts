/** Port: the current instant. Use cases take it instead of calling `new Date()`. */
export interface Clock {
  now(): Date;
}
