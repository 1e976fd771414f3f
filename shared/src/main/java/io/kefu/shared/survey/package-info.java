/**
 * Survey application services: schedule, dispatch, record answers. They talk to storage and queues
 * only through the ports in this package (implemented in io.kefu.shared.aws.survey), so they hold
 * the exactly-once reasoning without any AWS import and can be tested with in-memory ports.
 */
package io.kefu.shared.survey;
