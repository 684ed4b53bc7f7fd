-- Issue 12, item 6: the ESC/POS receipt printer on a register's counter, reached on the shop's network as host:port
-- (raw TCP, usually port 9100), set by coordinators; none when the tablet prints through the browser.
ALTER TABLE pos_registers ADD COLUMN printer text;
