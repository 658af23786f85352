"""The front ends: the Telegram bot (python-telegram-bot) and the command line / console chat."""
