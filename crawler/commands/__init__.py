"""Project commands (``COMMANDS_MODULE``): ``crawl`` here replaces Scrapy's to add an exit status."""
