import type zhCN from './zh-CN';

/** The shape of zh-CN with every leaf a string: another locale must fill every key (and no other). */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Messages = Strings<typeof zhCN>;
