Console.Error.WriteLine("consultation: no command yet");
return 2;
