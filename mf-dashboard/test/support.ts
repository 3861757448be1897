export { meFixture as me, unitListFixture as unitList } from '@co2/shell-sdk/testing';
